import type { Locator, Page } from '@playwright/test';

/**
 * Moves focus with the Tab key only, as a keyboard user does, until `target` has it. Fails when the
 * target cannot be reached within `maxPresses` (a focus trap or an unreachable control).
 */
export async function tabTo(page: Page, target: Locator, maxPresses = 40): Promise<void> {
  for (let press = 0; press < maxPresses; press++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element.matches(':focus'))) return;
  }
  throw new Error(`not reachable with Tab within ${maxPresses} presses: ${target}`);
}
