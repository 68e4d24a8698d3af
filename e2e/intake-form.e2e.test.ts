import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, type Portal, seriousAxeViolations, signIn, startPortal } from './harness.js';

// MT-11: Family Navigation's gatekeeper (its program administrator) adds intake questions of their own.
describe('a program defines its intake form (MT-11)', () => {
  let portal: Portal;
  beforeAll(async () => {
    portal = await startPortal();
  });
  afterAll(async () => {
    await portal?.stop();
  });

  it('MT-11: the gatekeeper adds a required yes/no question, a wrong choice field is named, and the save makes version 2', async () => {
    const { page } = await portal.newPage();
    await signIn(page, 'gatekeeper@default.demo.test', DEMO_PASSWORD);
    await page.getByRole('heading', { name: 'Agency', level: 1 }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Intake form' }).click();
    await page.getByRole('heading', { name: 'Intake form', level: 1 }).waitFor();
    await page.getByText(/^Version 1, saved by/).waitFor();
    expect(await page.getByRole('group', { name: /^Question \d+:/ }).count()).toBe(7);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // A single choice question with one choice is refused, the message under its choices.
    await page.getByRole('button', { name: 'Add a question' }).click();
    await page.getByRole('textbox', { name: /^Question 8\b/ }).fill('Pets in the household');
    await page
      .getByRole('group', { name: 'Question 8: Pets in the household' })
      .getByRole('textbox', { name: 'Answer type' })
      .or(
        page
          .getByRole('group', { name: 'Question 8: Pets in the household' })
          .getByRole('combobox', { name: 'Answer type' }),
      )
      .first()
      .click();
    await page.getByRole('option', { name: 'Single choice' }).click();
    await page.getByRole('group', { name: 'Question 8: Pets in the household' }).getByLabel('Choices').fill('Dog');
    await page.getByRole('button', { name: 'Save intake form' }).click();
    await page.getByText('a choice field needs at least two choices', { exact: false }).waitFor();
    await page.getByText('Some questions need fixing').waitFor();

    // Now a yes/no question instead, required, moved to the top with the keyboard.
    await page.getByRole('button', { name: 'Remove question 8' }).click();
    await page.getByRole('button', { name: 'Add a question' }).click();
    await page.getByRole('textbox', { name: /^Question 8\b/ }).fill('Has a lease in their name');
    const question = page.getByRole('group', { name: 'Question 8: Has a lease in their name' });
    await question
      .getByRole('textbox', { name: 'Answer type' })
      .or(question.getByRole('combobox', { name: 'Answer type' }))
      .first()
      .click();
    await page.getByRole('option', { name: 'Yes / no' }).click();
    await question.getByRole('switch', { name: 'Required to send' }).check();
    expect(await question.getByLabel('Answer key').inputValue()).toBe('has_a_lease_in_their_name');
    // Focus stays on the moved question's button, so Enter moves it on up: the keyboard alone will do.
    await page.getByRole('button', { name: 'Move question 8 up' }).focus();
    for (let i = 0; i < 7; i++) await page.keyboard.press('Enter');
    await page.getByRole('group', { name: 'Question 1: Has a lease in their name' }).waitFor();
    // The preview shows what a sender sees.
    await page.getByRole('region', { name: 'Preview' }).getByRole('radio', { name: 'Yes' }).first().waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Save intake form' }).click();
    await page.getByText('Intake form saved as version 2', { exact: false }).waitFor();
    await page.reload();
    await page.getByText(/^Version 2, saved by/).waitFor();
    expect(await page.getByRole('group', { name: /^Question \d+:/ }).count()).toBe(8);
    await page.getByRole('group', { name: 'Question 1: Has a lease in their name' }).waitFor();
  });

  it('MT-11: a network administrator chooses any program of the network and edits its intake form', async () => {
    const { page } = await portal.newPage();
    await signIn(page, 'admin@default.demo.test', DEMO_PASSWORD);
    await page.getByRole('heading', { name: 'Agency', level: 1 }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Intake form' }).click();
    await page.getByRole('heading', { name: 'Intake form', level: 1 }).waitFor();
    // Their own program first (the network office), then Tenant Legal Help, chosen by typing.
    await page.getByText(/refer a client to Network office/).waitFor();
    const program = page.getByRole('textbox', { name: 'Program' }).or(page.getByRole('combobox', { name: 'Program' }));
    await program.first().click();
    await program.first().fill('Tenant');
    await page.getByRole('option', { name: 'Tenant Legal Help (Valley Legal Aid)' }).click();
    await page
      .getByText('refer a client to Tenant Legal Help (Valley Legal Aid), beyond Personal info.', { exact: false })
      .waitFor();
    await page.getByText(/^(Version \d+, saved by|Your program has no intake form yet)/).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Add a question' }).click();
    const count = await page.getByRole('group', { name: /^Question \d+:/ }).count();
    await page.getByRole('textbox', { name: new RegExp(`^Question ${count}\\b`) }).fill('Court date, if any');
    await page.getByRole('button', { name: 'Save intake form' }).click();
    await page.getByText(/Intake form saved as version \d+/).waitFor();
    // The program's own gatekeeper would see it: the API answers the program's form with the new question.
    const saved = await page.evaluate(async () => {
      const choices = (await (await fetch('/api/programs?limit=200')).json()) as {
        items: { id: string; name: string }[];
      };
      const legal = choices.items.find((p) => p.name === 'Tenant Legal Help')!;
      return (await (await fetch(`/api/programs/${legal.id}/intake-form`)).json()) as { fields: { label: string }[] };
    });
    expect(saved.fields.map((f) => f.label)).toContain('Court date, if any');
  });
});
