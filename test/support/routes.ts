/** A concrete path for a route pattern of the policy table: every parameter becomes a harmless value. */
export const concrete = (path: string) => path.replace(/:(\w+)/g, "x1");
