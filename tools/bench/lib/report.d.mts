export declare function markdownTable(headers: readonly string[], rows: readonly (readonly unknown[])[]): string;
export declare function percentile(values: readonly number[], p: number): number;
export declare function median(values: readonly number[]): number;
export declare function round(value: number, digits?: number): number;
