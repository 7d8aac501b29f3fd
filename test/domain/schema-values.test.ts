/** The zod-free option lists the first view uses are the very lists the schema validates against. */
import { describe, expect, it } from 'vitest';
import * as values from '../../src/domain/schema-values.ts';
import {
  DATA_FILES, InstitutionKind, LinkKind, LinkStatus, LinkType, PlacePrecision, SourceSide, isCountryRef,
} from '../../src/domain/schema.ts';

describe('schema-values', () => {
  it('holds the same options as the schema enums', () => {
    expect(LinkType.options).toEqual([...values.LINK_TYPE_OPTIONS]);
    expect(LinkStatus.options).toEqual([...values.LINK_STATUS_OPTIONS]);
    expect(LinkKind.options).toEqual([...values.LINK_KIND_OPTIONS]);
    expect(SourceSide.options).toEqual([...values.SOURCE_SIDE_OPTIONS]);
    expect(InstitutionKind.options).toEqual([...values.INSTITUTION_KIND_OPTIONS]);
    expect(PlacePrecision.options).toEqual([...values.PLACE_PRECISION_OPTIONS]);
    expect(LinkType.options).toContain('remote-surgery');
  });

  it('names the same files as the schema', () => {
    expect(Object.fromEntries(Object.entries(DATA_FILES).map(([k, v]) => [k, v.file]))).toEqual(values.DATA_FILE_NAMES);
  });

  it('tells country codes from record ids', () => {
    expect(isCountryRef).toBe(values.isCountryRef);
    expect(values.isCountryRef('PAK')).toBe(true);
    expect(values.isCountryRef('who')).toBe(false);
    expect(values.isCountryRef('PAKI')).toBe(false);
  });
});
