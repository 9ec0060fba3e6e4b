import { describe, expect, it } from 'vitest';
import { DEFAULT_GRAPH_VERSION, graphApiBase } from './graph-api';

describe('Graph API base URL', () => {
  it('adds the configured version, or a currently supported default, to the root', () => {
    expect(DEFAULT_GRAPH_VERSION).toBe('v25.0');
    expect(graphApiBase('https://graph.facebook.com', undefined)).toBe('https://graph.facebook.com/v25.0');
    expect(graphApiBase('https://graph.facebook.com/', 'v26.0')).toBe('https://graph.facebook.com/v26.0');
  });

  it('keeps a root that names its version (tests, older configurations), and refuses two versions', () => {
    expect(graphApiBase('http://127.0.0.1:5000/v21.0', undefined)).toBe('http://127.0.0.1:5000/v21.0');
    expect(graphApiBase('http://127.0.0.1:5000/v21.0/', 'v21.0')).toBe('http://127.0.0.1:5000/v21.0');
    expect(() => graphApiBase('https://graph.facebook.com/v21.0', 'v25.0')).toThrow(/v21\.0/);
  });
});
