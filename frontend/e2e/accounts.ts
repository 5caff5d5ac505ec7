/**
 * The accounts the browser tests sign in with, one per role. The demo seed has only the
 * administrator (ADMIN_USERNAME / ADMIN_PASSWORD, default admin / admin); the `setup`
 * project (accounts.setup.ts) creates the others through the API on the fresh stack.
 */
export type DemoRole = 'admin' | 'manager' | 'evaluator' | 'council' | 'viewer' | 'learner';

export interface DemoAccount {
  role: DemoRole;
  /** What goes into the login form's username field (a learner's national ID). */
  username: string;
  password: string;
  /** The name shown in the header (a learner's account has none: the header shows the role). */
  fullName: string;
  /** Units the account acts for (managers). */
  unitCodes: string[];
}

const PASSWORD = 'ThiDuaSo@2025';

export const DEMO_ACCOUNTS: Record<DemoRole, DemoAccount> = {
  admin: {
    role: 'admin',
    username: process.env.ADMIN_USERNAME ?? 'admin',
    password: process.env.ADMIN_PASSWORD ?? 'admin',
    fullName: 'Quản trị hệ thống',
    unitCodes: [],
  },
  manager: {
    role: 'manager',
    username: 'e2e.quanly',
    password: PASSWORD,
    fullName: 'Lê Thị Quản Lý',
    // The Culture–Sports–Tourism department: its 2025 movement has targets and reports in the seed.
    unitCodes: ['66-SVHTTDL'],
  },
  evaluator: { role: 'evaluator', username: 'e2e.thamdinh', password: PASSWORD, fullName: 'Phạm Văn Thẩm Định', unitCodes: [] },
  council: { role: 'council', username: 'e2e.hoidong', password: PASSWORD, fullName: 'Hoàng Thị Hội Đồng', unitCodes: [] },
  viewer: { role: 'viewer', username: 'e2e.xem', password: PASSWORD, fullName: 'Đỗ Văn Xem', unitCodes: [] },
  learner: { role: 'learner', username: '066190000999', password: PASSWORD, fullName: 'Y Niê Học Viên', unitCodes: [] },
};

/** The learner's record in digital-literacy-api, which sign-up is matched against. */
export const DEMO_LEARNER = { dateOfBirth: '1990-05-17', gender: 'female', category: 'citizen' } as const;
