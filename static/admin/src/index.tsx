import { mount } from '../../shared-ui/mount';
import { AdminApp } from './admin-app';

mount(<AdminApp />);
