// A headline KPI's 12-month trend, drawn with uPlot (WebJar, loaded by the page as the global uPlot).
// The chart is a picture for the eye; its aria-label says the same months and values for a screen reader.
import {figure, monthName} from './dom.js';

const HEIGHT = 120;

/** Draws {name, unit, target, points: [{month: "2026-10", value}]} into holder. */
export function trendChart(holder, trend) {
    const points = trend.points || [];
    holder.setAttribute('role', 'img');
    holder.setAttribute('aria-label', trend.name + ' over 12 months: ' + points
        .map(point => monthName(point.month) + ' ' + figure(point.value, trend.unit)).join('; '));
    if (typeof uPlot !== 'function' || !points.some(point => point.value !== null && point.value !== undefined)) {
        holder.classList.add('no-trend');
        holder.textContent = 'No figures in the last 12 months.';
        return;
    }
    const x = points.map(point => Date.UTC(Number(point.month.slice(0, 4)), Number(point.month.slice(5, 7)) - 1, 1) / 1000);
    const values = points.map(point => point.value === null || point.value === undefined ? null : Number(point.value));
    const series = [{}, {label: trend.name, stroke: '#1d4f91', width: 2, points: {size: 6, fill: '#1d4f91'}}];
    const data = [x, values];
    if (trend.target !== null && trend.target !== undefined) {
        series.push({label: 'Target', stroke: '#6b6b6b', width: 1, dash: [4, 4], points: {show: false}});
        data.push(points.map(() => Number(trend.target)));
    }
    const chart = new uPlot({
        width: Math.max(holder.clientWidth, 200),
        height: HEIGHT,
        legend: {show: false},
        cursor: {show: false},
        scales: {x: {time: true}},
        axes: [
            {values: (self, ticks) => ticks.map(tick => new Date(tick * 1000).toLocaleString('en-GB', {month: 'short', timeZone: 'UTC'})),
                size: 24, font: '11px sans-serif', stroke: '#333'},
            {size: 52, font: '11px sans-serif', stroke: '#333'}
        ],
        series
    }, data, holder);
    new ResizeObserver(() => chart.setSize({width: Math.max(holder.clientWidth, 200), height: HEIGHT})).observe(holder);
}
