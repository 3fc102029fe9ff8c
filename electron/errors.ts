/** An error whose message is already written for the user (Chinese, says what to do). */
export class UserError extends Error {
  override name = 'UserError';
}
