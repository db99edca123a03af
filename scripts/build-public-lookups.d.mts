export declare const PUBLIC_LOOKUPS_BUNDLE: string;
export declare function buildPublicLookups(options?: { root?: string; outfile?: string }): Promise<string>;
