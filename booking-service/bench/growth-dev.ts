import { runGrowthBench } from './growth.js';
console.log(await runGrowthBench());
