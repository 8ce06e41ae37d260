/** Waits for a condition, probing every 250 ms; past the deadline it fails naming what it waited for and what it last saw. */
export async function until<T>(probe: () => Promise<T>, ok: (t: T) => boolean, seconds: number, what: string): Promise<T> {
  const end = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe();
    if (ok(value)) return value;
    if (Date.now() > end) throw new Error(`${what}: not so after ${seconds} s (last: ${JSON.stringify(value).slice(0, 500)})`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
