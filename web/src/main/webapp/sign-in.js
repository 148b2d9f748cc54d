// Signs in with the password once (HTTP Basic on POST api/session); the session cookie does the rest.
'use strict';

// Which ways to sign in this installation offers: its own users, an OpenID Connect provider, or both.
fetch('sign-in/options').then(response => response.json()).then(options => {
    document.querySelector('#sign-in').hidden = !options.password;
    document.querySelector('#openid-connect').hidden = !options.openIdConnect;
});

document.querySelector('#sign-in').addEventListener('submit', event => {
    event.preventDefault();
    const user = document.querySelector('#username').value;
    const password = document.querySelector('#password').value;
    const credentials = btoa(String.fromCharCode(...new TextEncoder().encode(user + ':' + password)));
    const problem = document.querySelector('#problem');
    problem.textContent = '';
    fetch('api/session', {
        method: 'POST',
        headers: {'Authorization': 'Basic ' + credentials, 'X-Requested-With': 'rapport'}
    }).then(response => {
        if (response.ok) {
            window.location.assign(nextPage());
        } else if (response.status === 429) {
            problem.textContent = 'Too many wrong passwords: wait a few minutes, then try again.';
        } else {
            problem.textContent = 'Wrong user name or password.';
        }
    }).catch(() => problem.textContent = 'Rapport cannot be reached.');
});

// Back to the screen that asked for a new sign-in (its unsaved text waits in sessionStorage): only Rapport's
// own pages, never an address from elsewhere.
function nextPage() {
    const next = new URLSearchParams(window.location.search).get('next') || '';
    return /^(index|board|strategy|integration|admin)\.html(#[A-Za-z0-9=&_.-]*)?$/.test(next) ? next : './';
}
