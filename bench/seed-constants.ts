// Names shared by the seeder, the runner and the ceiling server (kept apart so that the ceiling
// server loads nothing of the CMS).
export const MARKER_TABLE = 'bench_dataset'
/** Titles of the articles the create scenarios write (removed after each run). */
export const BENCH_WRITE_PREFIX = 'Bench create '
