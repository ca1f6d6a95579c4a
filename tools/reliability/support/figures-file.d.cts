export declare const FIGURES_FILE_VARIABLE: string;
export declare function figuresDir(): string;
export declare function defaultFiguresFile(): string;
