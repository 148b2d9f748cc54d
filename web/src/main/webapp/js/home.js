// Home: the screens the user's roles open, and the latest board packs for those who read them.
import {el, fill, when} from './dom.js';
import {runs} from './api.js';
import {SCREENS, mayUse, start} from './shell.js';

const ABOUT = {
    'board.html': 'Every month’s pack, its dashboard, and the action points by pillar.',
    'strategy.html': 'Rule-set versions: edit a draft, validate, dry-run, activate or roll back.',
    'integration.html': 'Sources and their health, the ledger of delivered files, the quarantine and replays.',
    'admin.html': 'The distribution list, who received which pack, and the schedule.'
};

const me = await start('index.html');
fill(document.querySelector('#screens'), SCREENS.filter(screen => screen.roles && mayUse(me, screen)).map(screen =>
    el('li', {}, el('a', {href: screen.page}, screen.title), ' — ', ABOUT[screen.page])));

if (['board', 'strategy', 'admin'].some(role => me.roles.includes(role))) {
    document.querySelector('#packs').hidden = false;
    const answer = await runs.list();
    const body = document.querySelector('#runs tbody');
    const list = answer.ok ? answer.data : [];
    body.replaceChildren();
    if (list.length === 0) {
        body.appendChild(el('tr', {}, el('td', {colSpan: 5, className: 'muted'}, 'No runs yet.')));
    }
    list.slice(0, 12).forEach(run => body.appendChild(el('tr', {},
        el('td', {}, el('a', {href: 'board.html#run=' + run.id}, String(run.id))),
        el('td', {}, run.month), el('td', {}, run.status + (run.finishedAt ? ' ' + when(run.finishedAt) : '')),
        el('td', {}, run.ruleSetVersion),
        el('td', {}, run.packUrl ? el('a', {href: run.packUrl}, 'PDF') : ''))));
} else {
    document.querySelector('#runs tbody').replaceChildren();
}
