// The confirmation before a destructive or binding action: a warning box with the action's own
// button and the common cancel button. True when the user confirmed.
import { ElMessageBox } from 'element-plus'

export async function askConfirm(message: string, title: string, confirmText: string, cancelText: string): Promise<boolean> {
  try {
    await ElMessageBox.confirm(message, title, { type: 'warning', confirmButtonText: confirmText, cancelButtonText: cancelText })
    return true
  } catch {
    return false
  }
}
