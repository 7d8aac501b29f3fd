export interface Stepper { next(): void; prev(): void; first(): void; last(): void }
