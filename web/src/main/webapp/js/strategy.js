import {start} from './shell.js'; await start('strategy.html');
