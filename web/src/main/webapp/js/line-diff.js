// What changed between two versions of a text file, line by line (longest common subsequence): unchanged
// lines near a change for context, the others left out. Rule files are a few hundred lines at most.
const CONTEXT = 2;

/** [{kind: ' ' | '+' | '-', number (line in the new text, or the old one for '-'), text}] */
export function lineDiff(before, after) {
    const a = before.split('\n');
    const b = after.split('\n');
    const lengths = Array.from({length: a.length + 1}, () => new Uint16Array(b.length + 1));
    for (let i = a.length - 1; i >= 0; i--) {
        for (let j = b.length - 1; j >= 0; j--) {
            lengths[i][j] = a[i] === b[j] ? lengths[i + 1][j + 1] + 1 : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
        }
    }
    const all = [];
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
        if (i < a.length && j < b.length && a[i] === b[j]) {
            all.push({kind: ' ', number: j + 1, text: b[j]});
            i++;
            j++;
        } else if (i < a.length && (j >= b.length || lengths[i + 1][j] >= lengths[i][j + 1])) {
            all.push({kind: '-', number: i + 1, text: a[i]});
            i++;
        } else {
            all.push({kind: '+', number: j + 1, text: b[j]});
            j++;
        }
    }
    return all.filter((line, index) => line.kind !== ' '
        || all.slice(Math.max(0, index - CONTEXT), index + CONTEXT + 1).some(near => near.kind !== ' '));
}
