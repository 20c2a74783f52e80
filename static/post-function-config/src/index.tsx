import { mount } from '../../shared-ui/mount';
import { PostFunctionConfigApp } from './post-function-config-app';

mount(<PostFunctionConfigApp />);
