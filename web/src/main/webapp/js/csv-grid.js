// A decision table (.drl.csv) as an editable grid: one input per cell, row numbers as the file's lines and
// column letters as the spreadsheet's, so a validation message's row and column find their cell. CSV is read
// and written by Papa Parse (WebJar, the page loads it as the global Papa); every field is written quoted,
// as the shipped tables are, so a row nobody touched is written back as it was.
import {el} from './dom.js';

export function parseCsv(text) {
    return Papa.parse(text, {skipEmptyLines: false}).data;
}

export function writeCsv(rows) {
    return rows.map(row => row.length === 0 || (row.length === 1 && row[0] === '') ? ''
        : Papa.unparse([row], {quotes: true, newline: '\n'})).join('\n');
}

function columnName(index) {
    let name = '';
    for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
        name = String.fromCharCode(65 + (n - 1) % 26) + name;
    }
    return name;
}

/**
 * Draws the grid into holder. onChange(text) after every edit; readOnly for a stored version.
 * Answers {focusCell(row, column): 0-based, text()}.
 */
export function csvGrid(holder, text, {onChange = () => {}, readOnly = false, fileName = 'table'} = {}) {
    const rows = parseCsv(text);
    const width = Math.max(1, ...rows.map(row => row.length));
    const body = el('tbody');
    rows.forEach((row, rowIndex) => {
        const cells = [];
        for (let column = 0; column < width; column++) {
            const input = el('input', {
                value: row[column] === undefined ? '' : row[column], readOnly,
                attrs: {'aria-label': 'Row ' + (rowIndex + 1) + ', column ' + columnName(column),
                    'data-row': rowIndex + 1, 'data-column': column + 1}
            });
            input.addEventListener('input', () => {
                while (rows[rowIndex].length <= column) {
                    rows[rowIndex].push('');
                }
                rows[rowIndex][column] = input.value;
                onChange(writeCsv(rows));
            });
            cells.push(el('td', {}, input));
        }
        body.appendChild(el('tr', {}, el('th', {attrs: {scope: 'row'}}, String(rowIndex + 1)), cells));
    });
    const columns = [];
    for (let column = 0; column < width; column++) {
        columns.push(el('th', {attrs: {scope: 'col'}}, columnName(column)));
    }
    holder.replaceChildren(el('div', {className: 'csv-grid'},
        el('table', {attrs: {'aria-label': fileName + (readOnly ? ' (read only)' : ' (editable)')}},
            el('thead', {}, el('tr', {}, el('th', {}, ''), columns)), body)));
    return {
        focusCell(row, column) {
            const input = holder.querySelector('input[data-row="' + (row + 1) + '"][data-column="' + (column + 1) + '"]')
                || holder.querySelector('input[data-row="' + (row + 1) + '"]');
            if (input) {
                input.focus();
                input.select();
            }
        },
        text: () => writeCsv(rows)
    };
}
