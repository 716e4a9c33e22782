export async function benchBrowser(): Promise<void> {}
