// Builds DOM nodes from data. Text always goes in as text nodes (never innerHTML): comments, source rows,
// rule text and notes are data, and a "<script>" in them must show as those characters.

/**
 * el('td', {className: 'num'}, '12.5') → <td class="num">12.5</td>.
 * props: className, id, text, attrs (setAttribute), on ({click: fn}), and plain DOM properties (type, value, …).
 * children: nodes, strings (as text), null/undefined (skipped) or arrays of those.
 */
export function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
        if (value === undefined || value === null) {
            continue;
        }
        if (key === 'attrs') {
            for (const [name, attr] of Object.entries(value)) {
                if (attr !== undefined && attr !== null && attr !== false) {
                    node.setAttribute(name, attr === true ? '' : String(attr));
                }
            }
        } else if (key === 'on') {
            for (const [event, handler] of Object.entries(value)) {
                node.addEventListener(event, handler);
            }
        } else if (key === 'text') {
            node.textContent = String(value);
        } else {
            node[key] = value;
        }
    }
    append(node, children);
    return node;
}

function append(node, children) {
    for (const child of children) {
        if (child === undefined || child === null || child === false) {
            continue;
        }
        if (Array.isArray(child)) {
            append(node, child);
        } else if (child instanceof Node) {
            node.appendChild(child);
        } else {
            node.appendChild(document.createTextNode(String(child)));
        }
    }
}

/** Empties a node and puts the children in. */
export function fill(node, ...children) {
    node.replaceChildren();
    append(node, children);
    return node;
}

/** A table with a caption, header cells and one row per item (cells: function item → array of cell contents). */
export function table({caption, headers, rows, cells, empty = 'Nothing to show.', className}) {
    const head = el('thead', {}, el('tr', {}, headers.map(header => el('th', {attrs: {scope: 'col'}}, header))));
    const body = el('tbody');
    if (rows.length === 0) {
        body.appendChild(el('tr', {}, el('td', {colSpan: headers.length, className: 'muted'}, empty)));
    }
    rows.forEach(row => body.appendChild(el('tr', {}, cells(row).map(cell =>
        cell instanceof Node && (cell.tagName === 'TD' || cell.tagName === 'TH') ? cell : el('td', {}, cell)))));
    return el('div', {className: 'table-scroll'},
        el('table', {className}, caption ? el('caption', {}, caption) : null, head, body));
}

/** A RAG status as a labelled badge: the word is always there, colour only repeats it. */
export function rag(status) {
    const value = status || 'NONE';
    return el('span', {className: 'rag rag-' + value.toLowerCase().replace(/[^a-z]/g, '')}, value);
}

/**
 * A number for reading, with its unit; "—" when there is none. Rounded as the pack rounds
 * (org.rapport.rules.facts.Figures): money to whole pounds, everything else to one decimal, halves away
 * from zero, so the screen and the PDF show one value for one figure.
 */
export function figure(value, unit) {
    if (value === null || value === undefined || value === '') {
        return '—';
    }
    const number = Number(value);
    if (!Number.isFinite(number)) {
        return String(value);
    }
    const decimals = unit === '£' ? 0 : 1;
    const text = shown(number, decimals).toLocaleString('en-GB',
        {maximumFractionDigits: decimals, minimumFractionDigits: decimals});
    if (!unit || unit === 'score') {
        return text;
    }
    return unit === '£' ? (text.startsWith('-') ? '-£' + text.substring(1) : '£' + text) : text + ' ' + unit;
}

// Decimal rounding on the number's own digits: 2.65 is 2.6499… in binary, and must still show as 2.7.
function shown(number, decimals) {
    const magnitude = Math.abs(number);
    const written = String(magnitude);
    const rounded = written.includes('e') ? Number(magnitude.toFixed(decimals))
        : Number(Math.round(Number(written + 'e' + decimals)) + 'e-' + decimals);
    return Math.sign(number) * rounded;
}

/** An ISO time as "5 Dec 2026, 08:15" in the reader's zone. */
export function when(iso) {
    if (!iso) {
        return '—';
    }
    // an ISO-8601 string, or epoch seconds (with fractions) where a view writes times as numbers
    const date = typeof iso === 'number' ? new Date(iso < 1e11 ? iso * 1000 : iso) : new Date(iso);
    return Number.isNaN(date.getTime()) ? String(iso)
        : date.toLocaleString('en-GB', {day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit'});
}

/** "2026-10" as "October 2026". */
export function monthName(month) {
    const match = /^(\d{4})-(\d{2})$/.exec(month || '');
    if (!match) {
        return String(month);
    }
    return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1))
        .toLocaleString('en-GB', {month: 'long', year: 'numeric', timeZone: 'UTC'});
}

/** Says something in the page's live region (screen readers read it out). */
export function say(region, text, kind = 'info') {
    region.className = 'notice notice-' + kind;
    region.textContent = text;
}
