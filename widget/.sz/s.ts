import { signal, computed, effect, batch, createModel } from '@preact/signals-core'; (window as any).x = [signal, computed, effect, batch, createModel];
