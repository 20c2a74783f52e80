import { mount } from '../../shared-ui/mount';
import { DeclareIncidentApp } from './declare-incident-app';

mount(<DeclareIncidentApp />);
