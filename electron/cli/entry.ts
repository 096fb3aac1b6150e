import { run } from './index';

run();
