// What every screen shares: who is signed in, the navigation (only the screens the user's roles may use),
// signing out, and what happens when the session ends mid-work (the page keeps its unsaved text and asks
// the user to sign in again).
import {el, fill} from './dom.js';
import {onSignedOut, session} from './api.js';

/** The screens, and the roles that may use each (the API refuses the others whatever the page shows). */
export const SCREENS = [
    {page: 'index.html', title: 'Home', roles: null},
    {page: 'board.html', title: 'Board packs', roles: ['board', 'strategy', 'admin']},
    {page: 'strategy.html', title: 'Rules', roles: ['strategy']},
    {page: 'integration.html', title: 'Sources', roles: ['integration']},
    {page: 'admin.html', title: 'Administration', roles: ['admin']}
];

export function mayUse(me, screen) {
    return !screen.roles || screen.roles.some(role => me.roles.includes(role));
}

const savers = [];

/** A function that puts the page's unsaved work somewhere safe (sessionStorage) when the session ends. */
export function keepOnSignOut(saver) {
    savers.push(saver);
}

let askedToSignIn = false;

onSignedOut(() => {
    savers.forEach(save => {
        try {
            save();
        } catch (ignored) {
            // keeping the rest matters more than one saver
        }
    });
    if (askedToSignIn) {
        return;
    }
    askedToSignIn = true;
    const here = location.pathname.split('/').pop() + location.hash;
    const dialog = el('div', {id: 'signed-out', className: 'signed-out', attrs: {role: 'alertdialog', 'aria-labelledby': 'signed-out-title'}},
        el('h2', {id: 'signed-out-title'}, 'Your session has ended'),
        el('p', {}, 'Nothing you typed is lost: it is kept in this browser tab and comes back after you sign in.'),
        el('a', {id: 'sign-in-again', className: 'button', href: 'sign-in.html?next=' + encodeURIComponent(here)}, 'Sign in again'));
    document.body.appendChild(dialog);
    dialog.querySelector('a').focus();
});

/**
 * Draws the header and answers who is signed in; on a screen the user's roles may not use, says so in
 * place of the screen and answers null.
 */
export async function start(page) {
    const answer = await session.me();
    const me = answer.data;
    const screen = SCREENS.find(candidate => candidate.page === page) || SCREENS[0];
    const header = document.querySelector('header.top') || document.body.insertBefore(el('header', {className: 'top'}), document.body.firstChild);
    fill(header,
        el('a', {className: 'skip', href: '#main'}, 'Skip to content'),
        el('span', {className: 'brand'}, 'Rapport'),
        el('nav', {attrs: {'aria-label': 'Screens'}},
            el('ul', {}, SCREENS.filter(candidate => mayUse(me, candidate)).map(candidate =>
                el('li', {}, el('a', {href: candidate.page, attrs: {'aria-current': candidate === screen ? 'page' : null}},
                    candidate.title))))),
        el('p', {className: 'signed-in'},
            el('span', {id: 'user', className: 'muted'},
                me.user + (me.roles.length ? ' (' + me.roles.join(', ') + ')' : ' (no role yet: ask an administrator)')),
            ' ',
            el('button', {id: 'sign-out', type: 'button', on: {click: signOut}}, 'Sign out')));
    if (!mayUse(me, screen)) {
        fill(document.querySelector('main'),
            el('h1', {}, screen.title),
            el('p', {id: 'not-for-you', className: 'problem'}, 'This screen is for the ' + screen.roles.join(' or ')
                + ' role, which you do not have. Ask an administrator if you need it.'));
        return null;
    }
    return me;
}

function signOut() {
    session.signOut().finally(() => window.location.assign('sign-in.html'));
}
