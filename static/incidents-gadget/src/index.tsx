import { mount } from '../../shared-ui/mount';
import { GadgetApp } from './gadget-app';

mount(<GadgetApp />);
