// The search box: searches as the clerk types (after a short pause), / or Ctrl+F jumps here.
import { SearchOutlined } from '@ant-design/icons';
import { Input, type InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';

const DEBOUNCE_MS = 150;

interface Props {
  value: string;
  onSearch(q: string): void;
  /** ↓ in the box moves into the list. */
  onArrowDown?(): void;
}

const typingInField = (el: Element | null): boolean =>
  !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || (el as HTMLElement).isContentEditable);

export function SearchBox({ value, onSearch, onArrowDown }: Props) {
  const [text, setText] = useState(value);
  const input = useRef<InputRef>(null);
  const sent = useRef(value);

  // The address changed from elsewhere (back button, 清除): show what is searched.
  useEffect(() => {
    if (value !== sent.current) {
      sent.current = value;
      setText(value);
    }
  }, [value]);

  useEffect(() => {
    if (text === sent.current) return;
    const timer = setTimeout(() => {
      sent.current = text;
      onSearch(text);
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, onSearch]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const ctrlF = (e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f';
      const slash = e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !typingInField(document.activeElement);
      if ((ctrlF || slash) && !document.activeElement?.closest('[role="dialog"]')) {
        e.preventDefault();
        input.current?.focus({ cursor: 'all' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <Input
      ref={input}
      autoFocus
      allowClear
      size="large"
      role="searchbox"
      aria-label="搜索企业"
      prefix={<SearchOutlined style={{ color: 'rgba(0,0,0,0.35)' }} />}
      suffix={<kbd style={{ fontSize: 11, color: 'rgba(0,0,0,0.4)', border: '1px solid #ddd', borderRadius: 3, padding: '0 4px' }}>/</kbd>}
      placeholder="名称、拼音首字母、信用代码、电话或地址"
      value={text}
      maxLength={100}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'ArrowDown' && onArrowDown) {
          e.preventDefault();
          onArrowDown();
        }
      }}
      style={{ width: 440 }}
    />
  );
}
