/** Field and list limits shared by the client, the resolvers, the simulator and the UI. No imports, so
 * the Custom UI bundle can use them without pulling in zod. */
export const LIMITS = {
  titleMax: 255,
  descriptionMax: 10_000,
  commentMax: 2_000,
  cycleNameMax: 120,
  environmentMax: 60,
  searchMax: 100,
  /** Largest page the app asks for; the simulator caps pageSize at the same value. */
  pageSizeMax: 100,
  addToCycleMax: 100,
} as const;
