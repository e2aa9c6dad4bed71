/** Placeholder for the stack's name in `onair:season.name` and `delivery.domain.aliases`. */
export const STACK_TOKEN = "{stack}";

/**
 * The stack's name as it may appear in a season name and a hostname label: lowercase letters,
 * digits and dashes, at most 12 characters taken from the end, where review stacks keep the pull
 * request number that tells them apart.
 */
export function stackLabel(stack: string): string {
    const slug = stack
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-+|-+$/g, "");
    return slug.slice(-12).replace(/^-+/, "") || "stack";
}

/**
 * Review stacks are copies of one template stack's config. Replacing `{stack}` in the season name
 * and the viewer hostnames gives each copy its own AWS names and CloudFront aliases, so two open
 * pull requests never collide. Other fields are left as written.
 */
export function expandStackToken(raw: unknown, stack: string): unknown {
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return raw;
    const label = stackLabel(stack);
    const sub = (v: unknown) => (typeof v === "string" ? v.split(STACK_TOKEN).join(label) : v);
    const season = { ...(raw as Record<string, unknown>) };
    season["name"] = sub(season["name"]);
    const delivery = season["delivery"];
    if (typeof delivery === "object" && delivery !== null && !Array.isArray(delivery)) {
        const domain = (delivery as Record<string, unknown>)["domain"];
        if (typeof domain === "object" && domain !== null && !Array.isArray(domain)) {
            const aliases = (domain as Record<string, unknown>)["aliases"];
            season["delivery"] = {
                ...(delivery as Record<string, unknown>),
                domain: { ...(domain as Record<string, unknown>), ...(Array.isArray(aliases) ? { aliases: aliases.map(sub) } : {}) },
            };
        }
    }
    return season;
}
