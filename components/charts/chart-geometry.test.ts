import { describe, expect, it } from 'vitest';
import { areaPath, barRects, linePath, linePoints, nearestIndex, tickIndexes } from './chart-geometry';

describe('linePoints', () => {
  it('spans the width and puts the highest value at the top, the lowest at the bottom', () => {
    const points = linePoints([100, 300, 200], 200, 100);
    expect(points).toEqual([
      { x: 0, y: 100 },
      { x: 100, y: 0 },
      { x: 200, y: 50 },
    ]);
  });

  it('keeps a padding above the highest value', () => {
    expect(linePoints([0, 10], 10, 100, 20).map((p) => p.y)).toEqual([100, 20]);
  });

  it('draws a flat balance mid-chart, not on an edge', () => {
    expect(linePoints([5, 5, 5], 20, 100).map((p) => p.y)).toEqual([50, 50, 50]);
  });

  it('puts a single day in the middle and draws nothing for no days', () => {
    expect(linePoints([7], 200, 100)).toEqual([{ x: 100, y: 50 }]);
    expect(linePoints([], 200, 100)).toEqual([]);
  });
});

describe('paths', () => {
  it('joins the points with straight segments and closes the area along the bottom', () => {
    const points = [
      { x: 0, y: 10 },
      { x: 50.123, y: 0 },
    ];
    expect(linePath(points)).toBe('M0 10 L50.12 0');
    expect(areaPath(points, 40)).toBe('M0 10 L50.12 0 L50.12 40 L0 40 Z');
    expect(areaPath([], 40)).toBe('');
  });
});

describe('barRects', () => {
  it('sizes bars from a zero baseline, the tallest filling the height', () => {
    const bars = barRects([0, 50, 100], 300, 80, 0.5);
    expect(bars.map((b) => b.height)).toEqual([0, 40, 80]);
    expect(bars.map((b) => b.y)).toEqual([80, 40, 0]);
    expect(bars.map((b) => b.x)).toEqual([25, 125, 225]);
    expect(bars.every((b) => b.width === 50)).toBe(true);
  });

  it('keeps an all-zero month flat', () => {
    expect(barRects([0, 0], 10, 10).every((b) => b.height === 0)).toBe(true);
  });
});

describe('tickIndexes', () => {
  it('labels the first and last day and spreads the rest', () => {
    expect(tickIndexes(30, 5)).toEqual([0, 7, 15, 22, 29]);
    expect(tickIndexes(3, 5)).toEqual([0, 1, 2]);
    expect(tickIndexes(1, 5)).toEqual([0]);
    expect(tickIndexes(0, 5)).toEqual([]);
  });
});

describe('nearestIndex', () => {
  it('picks the day closest to the pointer, clamped to the chart', () => {
    expect(nearestIndex(0, 30)).toBe(0);
    expect(nearestIndex(0.5, 31)).toBe(15);
    expect(nearestIndex(1.2, 30)).toBe(29);
    expect(nearestIndex(-1, 30)).toBe(0);
    expect(nearestIndex(0.7, 1)).toBe(0);
  });
});
