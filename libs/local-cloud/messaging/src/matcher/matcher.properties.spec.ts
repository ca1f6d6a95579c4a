import fc from 'fast-check';
import { InvalidFilterPolicyError, InvalidPatternError } from './errors';
import { compileEventPattern } from './eventbridge/compile-event-pattern';
import { flattenKeys } from './flatten-keys';
import type { CompiledMatcher } from './match-result';
import { compileFilterPolicy } from './sns/compile-filter-policy';

const onDetail = (value: unknown) => ({ source: 'harbor.orders', detail: { value } });
const matchesDetail = (matcher: CompiledMatcher, value: unknown) => matcher.match(onDetail(value)).matched;
const detailPattern = (values: unknown[]) => compileEventPattern({ detail: { value: values } });
const attributePolicy = (values: unknown[]) => compileFilterPolicy({ value: values }, 'MessageAttributes');
const stringAttribute = (value: string) => ({ value: { DataType: 'String', StringValue: value } });

const eventBridgeNumber = fc.double({ min: -5e9, max: 5e9, noNaN: true });
const simpleKey = fc.stringMatching(/^[a-z][a-z0-9_-]{0,8}$/).filter((key) => key !== 'exists');

describe('matcher properties', () => {
  it('EventBridge: anything-but matching — {"anything-but": [x]} is the negation of [x] for present string values', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (excluded, value) => {
        expect(matchesDetail(detailPattern([{ 'anything-but': [excluded] }]), value)).toBe(
          !matchesDetail(detailPattern([excluded]), value),
        );
      }),
    );
  });

  it('SNS: anything-but matching — {"anything-but": [x]} is the negation of [x] for String attributes', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (excluded, value) => {
        const negated = attributePolicy([{ 'anything-but': [excluded] }]).match(stringAttribute(value)).matched;
        expect(negated).toBe(!attributePolicy([excluded]).match(stringAttribute(value)).matched);
      }),
    );
  });

  it('EventBridge: anything-but matching — {"anything-but": n} is the negation of [{"numeric": ["=", n]}] for numbers in range', () => {
    fc.assert(
      fc.property(eventBridgeNumber, eventBridgeNumber, (excluded, value) => {
        const equal = matchesDetail(detailPattern([{ numeric: ['=', excluded] }]), value);
        expect(matchesDetail(detailPattern([{ 'anything-but': excluded }]), value)).toBe(!equal);
      }),
    );
  });

  it('EventBridge: prefix and suffix matching — a string matches its own prefix and suffix, and wildcard "prefix*suffix"', () => {
    const literal = fc.string().map((text) => text.replace(/[\\*]/g, ''));
    fc.assert(
      fc.property(literal, fc.string(), literal, (prefix, middle, suffix) => {
        const value = `${prefix}${middle}${suffix}`;
        expect(matchesDetail(detailPattern([{ prefix }]), value)).toBe(true);
        expect(matchesDetail(detailPattern([{ suffix }]), value)).toBe(true);
        expect(matchesDetail(detailPattern([{ wildcard: `${prefix}*${suffix}` }]), value)).toBe(true);
      }),
    );
  });

  it('EventBridge: equals-ignore-case matching — any change of case still matches', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9 ._-]{0,20}$/), fc.boolean(), (text, upper) => {
        const variant = upper ? text.toUpperCase() : text.toLowerCase();
        expect(matchesDetail(detailPattern([{ 'equals-ignore-case': text }]), variant)).toBe(true);
      }),
    );
  });

  it('EventBridge: numeric matching — [">", a, "<=", b] holds exactly for a < v <= b (integers)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e6, max: 1e6 }),
        fc.integer({ min: 1, max: 1e6 }),
        fc.integer({ min: -3e6, max: 3e6 }),
        (low, width, value) => {
          const high = low + width;
          expect(matchesDetail(detailPattern([{ numeric: ['>', low, '<=', high] }]), value)).toBe(
            value > low && value <= high,
          );
        },
      ),
    );
  });

  it('EventBridge: IP address matching — every address of a /24 matches its block and no address outside does', () => {
    const octet = fc.integer({ min: 0, max: 255 });
    fc.assert(
      fc.property(octet, octet, octet, octet, octet, (a, b, c, host, otherC) => {
        const pattern = detailPattern([{ cidr: `${a}.${b}.${c}.0/24` }]);
        expect(matchesDetail(pattern, `${a}.${b}.${c}.${host}`)).toBe(true);
        expect(matchesDetail(pattern, `${a}.${b}.${otherC}.${host}`)).toBe(otherC === c);
      }),
    );
  });

  it('EventBridge: arrays — a value array in an event matches exactly when one of its elements does', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 5 }), fc.string(), (elements, wanted) => {
        expect(matchesDetail(detailPattern([wanted]), elements)).toBe(elements.includes(wanted));
      }),
    );
  });

  it('EventBridge: event patterns — every leaf of an event, written back as a pattern, matches that event', () => {
    const leaf = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null));
    const event = fc.dictionary(simpleKey, fc.oneof(leaf, fc.dictionary(simpleKey, leaf, { minKeys: 1 })), {
      minKeys: 1,
    });
    fc.assert(
      fc.property(event, (input) => {
        for (const { path, value } of flattenKeys(input)) {
          const pattern = path.split('.').reduceRight<unknown>((inner, key) => ({ [key]: inner }), [value]);
          expect(compileEventPattern(pattern).match(input)).toEqual({ matched: true });
        }
      }),
    );
  });

  it('compilers either return a matcher or throw their own error, and matchers never throw, whatever the JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (pattern, input) => {
        for (const [compile, errorType] of [
          [() => compileEventPattern(pattern), InvalidPatternError],
          [() => compileFilterPolicy(pattern, 'MessageBody'), InvalidFilterPolicyError],
          [() => compileFilterPolicy(pattern, 'MessageAttributes'), InvalidFilterPolicyError],
        ] as const) {
          let matcher: CompiledMatcher | undefined;
          try {
            matcher = compile();
          } catch (error) {
            expect(error).toBeInstanceOf(errorType);
          }
          if (matcher !== undefined) expect(typeof matcher.match(input).matched).toBe('boolean');
        }
      }),
    );
  });
});
