/**
 * What the signed-in user may do with a resource, as its service says in `allowed_actions`
 * (API.md): the same policy that guards the endpoints fills it, so the dashboard shows a control
 * only when its action is listed and never works permissions out for itself.
 */

/** A resource (or a list response, for "create") that lists what the caller may do with it. */
export interface AllowsActions<Action extends string = string> {
  allowed_actions?: readonly Action[] | null;
}

/**
 * True when `resource` lists `action` in its `allowed_actions`. Nothing loaded yet, or no list at
 * all, means no: a control appears only once the service has said it may be used.
 */
export function can<Action extends string>(resource: AllowsActions<Action> | null | undefined, action: NoInfer<Action>): boolean {
  return resource?.allowed_actions?.includes(action) ?? false;
}

/** True when `resource` lists any of `actions` (e.g. whether a row needs an actions column at all). */
export function canAny<Action extends string>(resource: AllowsActions<Action> | null | undefined, actions: readonly NoInfer<Action>[]): boolean {
  return actions.some((action) => can(resource, action));
}
