// Whether the system asks for less motion (Windows: 设置 → 辅助功能 → 视觉效果 → 动画效果 off, as
// is usual on remote desktops and old office computers). antd's animations are then turned off:
// dialogs and menus appear and close at once.
import { useEffect, useState } from 'react';

const QUERY = '(prefers-reduced-motion: reduce)';

export function useReducedMotion(): boolean {
  const [reduced, setReduced] = useState(() => window.matchMedia(QUERY).matches);
  useEffect(() => {
    const media = window.matchMedia(QUERY);
    const onChange = () => setReduced(media.matches);
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, []);
  return reduced;
}
