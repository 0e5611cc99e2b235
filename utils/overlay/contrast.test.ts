import { describe, expect, it } from 'vitest';
import { blend, contrastRatio } from './contrast';

describe('contrastRatio', () => {
  it('matches the WCAG reference values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    // WebAIM's checker: #767676 on white is the lightest grey that passes AA (4.54:1).
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(4.5);
    expect(contrastRatio('#ffffff', '#1a5fb4')).toBe(contrastRatio('#1a5fb4', '#ffffff'));
  });

  it('blends a translucent colour onto its background', () => {
    expect(blend('#000000', 0.5, '#ffffff')).toBe('#808080');
    expect(blend('#333333', 1, '#ffffff')).toBe('#333333');
    expect(blend('#333333', 0, '#fafafa')).toBe('#fafafa');
  });
});
