// Text only, never innerHTML: fields come from the server but are still treated as data.
'use strict';

function signInAgain(response) {
    if (response.status === 401) {
        window.location.assign('sign-in.html');
        throw new Error('signed out');
    }
    return response;
}

fetch('api/session').then(signInAgain).then(response => response.json()).then(me => {
    document.querySelector('#user').textContent =
        me.user + (me.roles.length ? ' (' + me.roles.join(', ') + ')' : ' (no role yet: ask an administrator)');
});

document.querySelector('#sign-out').addEventListener('click', () => {
    fetch('api/session', {method: 'DELETE', headers: {'X-Requested-With': 'rapport'}})
        .finally(() => window.location.assign('sign-in.html'));
});

fetch('api/runs').then(signInAgain).then(response => {
    if (response.status === 403) {
        return [];
    }
    return response.json();
}).then(runs => {
    const body = document.querySelector('#runs tbody');
    body.replaceChildren();
    if (runs.length === 0) {
        const row = body.insertRow();
        const cell = row.insertCell();
        cell.colSpan = 5;
        cell.className = 'muted';
        cell.textContent = 'No runs to show: none yet, or your roles do not include reading them.';
    }
    runs.forEach(run => {
        const row = body.insertRow();
        [run.id, run.month, run.status, run.ruleSetVersion].forEach(value => row.insertCell().textContent = value);
        const pack = row.insertCell();
        if (run.packUrl) {
            const link = document.createElement('a');
            link.href = run.packUrl;
            link.textContent = 'PDF';
            pack.appendChild(link);
        }
    });
});
