/** R-ACC-2: 8–20 characters with digits, upper-case and lower-case letters. Returns Chinese problems. */
export function passwordProblems(password: string): string[] {
  const problems: string[] = [];
  if (password.length < 8 || password.length > 20) problems.push("密码长度须为 8–20 位");
  if (!/[0-9]/.test(password)) problems.push("密码须包含数字");
  if (!/[a-z]/.test(password)) problems.push("密码须包含小写字母");
  if (!/[A-Z]/.test(password)) problems.push("密码须包含大写字母");
  if (/\s/.test(password)) problems.push("密码不能包含空格");
  return problems;
}
