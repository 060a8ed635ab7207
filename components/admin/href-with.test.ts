import { describe, expect, it } from 'vitest';
import { firstParam, hrefWith } from './href-with';

describe('hrefWith', () => {
  it.each([
    [{}, '/admin/users'],
    [{ q: '张三', page: 1 }, '/admin/users?q=%E5%BC%A0%E4%B8%89'],
    [{ q: '', page: 2 }, '/admin/users?page=2'],
    [{ q: 'a&b', status: undefined, page: 3 }, '/admin/users?q=a%26b&page=3'],
  ])('%j → %s', (params, href) => {
    expect(hrefWith('/admin/users', params)).toBe(href);
  });

  it('takes the first of repeated params', () => {
    expect(firstParam(['a', 'b'])).toBe('a');
    expect(firstParam(undefined)).toBeUndefined();
  });
});
