/**
 * The pull-request comment of the offline plans of the customer stacks: for each stack its mode,
 * what needs the cluster API and the policy pack's report in plain sight, the whole plan folded
 * below. Plain text in, Markdown out.
 */

/** The comment's first line: the workflow finds its own comment by it, to update it. */
export const COMMENT_MARKER = "<!-- datafold-aws: offline plans -->";

/**
 * GitHub refuses an issue comment longer than 65,536 characters (the pulumi/actions action keeps
 * to 64,000 for the same reason: pulumi/actions v6.6.1, src/libs/pr.ts, MAX_CHARACTER_COMMENT).
 */
export const COMMENT_LIMIT = 64_000;

export interface StackPlanText {
  readonly stack: string;
  /** What `npm run plan -- <stack>` printed. */
  readonly text: string;
}

/** The Mode block and the list of what needs the cluster API, as the plan prints them. */
export function modeSection(text: string): string {
  const lines = text.split("\n");
  const start = lines.findIndex((l) => l === "Mode:");
  if (start < 0) return "";
  const end = lines.findIndex((l, i) => i > start && l.startsWith("* after a value"));
  return lines
    .slice(start, end < 0 ? undefined : end)
    .join("\n")
    .trimEnd();
}

/** The policy pack's report: the plan's last paragraph. */
export function policySection(text: string): string {
  const paragraphs = text.trimEnd().split("\n\n");
  const last = paragraphs[paragraphs.length - 1];
  return last.includes("Policy check:") ? last : "";
}

/** The first lines of `text` that fit in `budget` characters, and a note when some were left out. */
function cutAtLines(text: string, budget: number): string {
  if (text.length <= budget) return text;
  const lines = text.split("\n");
  const kept: string[] = [];
  let used = 100; // the note
  for (const line of lines) {
    if (used + line.length + 1 > budget) break;
    kept.push(line);
    used += line.length + 1;
  }
  return `${kept.join("\n")}\n… ${lines.length - kept.length} more lines: the whole plan is in the offline-plans artifact of this run.`;
}

function fence(text: string): string {
  return ["```text", text, "```"].join("\n");
}

/** The comment for the customer stacks' plans, within `limit` characters. */
export function planComment(plans: readonly StackPlanText[], limit = COMMENT_LIMIT): string {
  const head = [
    COMMENT_MARKER,
    "### Offline plans of the customer stacks",
    "",
    "Mocks, no AWS calls: each stack's mode, what needs the cluster API, and the policy pack's report. " +
      "A value ending in `*` was made up by the offline world; AWS assigns the real one. " +
      "The real `pulumi preview` of each stack follows in its own comment.",
  ].join("\n");
  const summaries = plans.map((p) => {
    const summary = [modeSection(p.text), policySection(p.text)].filter((s) => s !== "").join("\n\n");
    return `#### \`${p.stack}\`\n\n${fence(summary)}`;
  });
  // Each section's own wrapping (details, summary, fences, blank lines) takes under 200 characters.
  const fixed = head.length + summaries.reduce((n, s) => n + s.length, 0) + plans.length * 200;
  const perPlan = Math.max(0, Math.floor((limit - fixed) / Math.max(plans.length, 1)));
  const sections = plans.map(
    (p, i) =>
      `${summaries[i]}\n\n<details><summary>The whole plan of ${p.stack}</summary>\n\n${fence(cutAtLines(p.text.trimEnd(), perPlan))}\n\n</details>`,
  );
  return [head, ...sections].join("\n\n");
}
