"use client";

import * as React from "react";
import { CheckIcon, ChevronsUpDownIcon, SearchIcon } from "lucide-react";

import { cn } from "@/lib/utils";
import { Button } from "@/components/ui/button";
import {
  Popover,
  PopoverContent,
  PopoverTrigger,
} from "@/components/ui/popover";

type ComboboxOption = { value: string; label: string };

type ComboboxProps = {
  options: ComboboxOption[];
  /** 当前选中值；"" 或 undefined 表示未选择。 */
  value?: string;
  onValueChange?: (value: string) => void;
  placeholder?: string;
  searchPlaceholder?: string;
  emptyText?: string;
  disabled?: boolean;
  "aria-label"?: string;
  "aria-labelledby"?: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean | "true" | "false";
  /** 触发按钮的 id（配合 <label htmlFor> 或 <FormControl> 使用）。 */
  id?: string;
  /** 提供时渲染同名隐藏 input，便于原生表单提交。 */
  name?: string;
  /** 触发按钮失焦且下拉已关闭时调用（可直接传 react-hook-form 的 field.onBlur）。 */
  onBlur?: () => void;
  /** 触发按钮的 ref（可直接传 react-hook-form 的 field.ref，用于出错时聚焦）。 */
  ref?: React.Ref<HTMLButtonElement>;
  /** 触发按钮的额外类名。 */
  className?: string;
  /** 弹出层的额外类名。 */
  contentClassName?: string;
  /** 最多渲染的匹配项数量，超出时提示用户继续输入。默认 200。 */
  maxResults?: number;
};

function normalize(text: string): string {
  return text.trim().toLocaleLowerCase("zh-CN");
}

function Combobox({
  options,
  value,
  onValueChange,
  placeholder = "请选择",
  searchPlaceholder = "搜索…",
  emptyText = "无匹配项",
  disabled = false,
  "aria-label": ariaLabel,
  "aria-labelledby": ariaLabelledBy,
  "aria-describedby": ariaDescribedBy,
  "aria-invalid": ariaInvalid,
  id,
  name,
  onBlur,
  ref,
  className,
  contentClassName,
  maxResults = 200,
}: ComboboxProps) {
  const baseId = React.useId();
  const listId = `${baseId}-listbox`;
  const optionId = (index: number) => `${baseId}-option-${index}`;

  const [open, setOpen] = React.useState(false);
  const [query, setQuery] = React.useState("");
  const [activeIndex, setActiveIndex] = React.useState(0);
  const inputRef = React.useRef<HTMLInputElement>(null);
  const listRef = React.useRef<HTMLDivElement>(null);

  const selected = React.useMemo(
    () => options.find((o) => o.value === value),
    [options, value],
  );

  const filtered = React.useMemo(() => {
    const q = normalize(query);
    if (!q) return options;
    return options.filter((o) => normalize(o.label).includes(q));
  }, [options, query]);

  const visible = React.useMemo(
    () => filtered.slice(0, Math.max(1, maxResults)),
    [filtered, maxResults],
  );
  const hiddenCount = filtered.length - visible.length;

  const indexOfSelected = React.useCallback(
    (list: ComboboxOption[]) => {
      const i = value ? list.findIndex((o) => o.value === value) : -1;
      return i >= 0 ? i : 0;
    },
    [value],
  );

  const handleOpenChange = (next: boolean) => {
    if (disabled && next) return;
    setOpen(next);
    if (next) {
      setActiveIndex(indexOfSelected(visible));
    } else {
      setQuery("");
    }
  };

  const selectOption = (option: ComboboxOption) => {
    onValueChange?.(option.value);
    setOpen(false);
    setQuery("");
  };

  // 让当前高亮项保持在可视区域内
  React.useEffect(() => {
    if (!open) return;
    const el = listRef.current?.querySelector<HTMLElement>(
      `[data-index="${activeIndex}"]`,
    );
    el?.scrollIntoView({ block: "nearest" });
  }, [activeIndex, open]);

  const moveActive = (delta: number) => {
    if (visible.length === 0) return;
    setActiveIndex((i) => {
      const next = i + delta;
      if (Math.abs(delta) === 1) {
        return (next + visible.length) % visible.length; // 单步移动时首尾循环
      }
      return Math.min(Math.max(next, 0), visible.length - 1);
    });
  };

  const handleInputKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return; // 输入法组字中，不拦截按键
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        moveActive(1);
        break;
      case "ArrowUp":
        event.preventDefault();
        moveActive(-1);
        break;
      case "PageDown":
        event.preventDefault();
        moveActive(10);
        break;
      case "PageUp":
        event.preventDefault();
        moveActive(-10);
        break;
      case "Enter": {
        event.preventDefault();
        const option = visible[activeIndex];
        if (option) selectOption(option);
        break;
      }
      case "Tab":
        event.preventDefault();
        handleOpenChange(false);
        break;
      default:
        break;
    }
  };

  const handleTriggerKeyDown = (
    event: React.KeyboardEvent<HTMLButtonElement>,
  ) => {
    if (disabled || open) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      handleOpenChange(true);
      return;
    }
    // 在关闭状态直接键入字符：打开并把字符作为搜索词
    if (
      event.key.length === 1 &&
      event.key !== " " &&
      !event.ctrlKey &&
      !event.metaKey &&
      !event.altKey
    ) {
      event.preventDefault();
      setQuery(event.key);
      setActiveIndex(0);
      setOpen(true);
    }
  };

  const activeOption = visible[activeIndex];
  const searchLabel = ariaLabel ? `搜索${ariaLabel}` : searchPlaceholder;

  return (
    <Popover modal open={open} onOpenChange={handleOpenChange}>
      <PopoverTrigger asChild>
        <Button
          ref={ref}
          id={id}
          type="button"
          variant="outline"
          role="combobox"
          aria-haspopup="listbox"
          aria-expanded={open}
          aria-controls={open ? listId : undefined}
          aria-label={ariaLabel}
          aria-labelledby={ariaLabelledBy}
          aria-describedby={ariaDescribedBy}
          aria-invalid={ariaInvalid}
          disabled={disabled}
          onKeyDown={handleTriggerKeyDown}
          onBlur={() => {
            if (!open) onBlur?.();
          }}
          className={cn(
            "w-full justify-between px-3 font-normal has-[>svg]:px-3",
            className,
          )}
        >
          <span
            className={cn(
              "min-w-0 truncate text-left",
              !selected && "text-muted-foreground",
            )}
          >
            {selected ? selected.label : placeholder}
          </span>
          <ChevronsUpDownIcon aria-hidden="true" className="opacity-50" />
        </Button>
      </PopoverTrigger>
      {name ? <input type="hidden" name={name} value={value ?? ""} /> : null}
      <PopoverContent
        align="start"
        className={cn(
          "w-(--radix-popover-trigger-width) min-w-[12rem] p-0",
          contentClassName,
        )}
        onOpenAutoFocus={(event) => {
          event.preventDefault();
          const input = inputRef.current;
          if (input) {
            input.focus();
            const end = input.value.length;
            input.setSelectionRange(end, end);
          }
        }}
      >
        <div className="flex items-center gap-2 border-b px-3">
          <SearchIcon
            aria-hidden="true"
            className="size-4 shrink-0 opacity-50"
          />
          <input
            ref={inputRef}
            type="text"
            role="combobox"
            aria-expanded="true"
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={
              activeOption ? optionId(activeIndex) : undefined
            }
            aria-label={searchLabel}
            autoComplete="off"
            autoCorrect="off"
            spellCheck={false}
            placeholder={searchPlaceholder}
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              setActiveIndex(0);
            }}
            onKeyDown={handleInputKeyDown}
            className="flex h-10 w-full min-w-0 bg-transparent py-3 text-base outline-hidden placeholder:text-muted-foreground md:text-sm"
          />
        </div>

        <div
          ref={listRef}
          id={listId}
          role="listbox"
          aria-label={ariaLabel ?? placeholder}
          className={cn(
            "max-h-[min(18rem,calc(var(--radix-popover-content-available-height)-3rem))] overflow-x-hidden overflow-y-auto",
            visible.length > 0 && "p-1",
          )}
        >
          {visible.map((option, index) => {
            const isSelected = option.value === value;
            const isActive = index === activeIndex;
            return (
              <div
                key={option.value}
                id={optionId(index)}
                data-index={index}
                role="option"
                aria-selected={isSelected}
                data-active={isActive || undefined}
                onPointerDown={(event) => event.preventDefault()}
                onPointerMove={() => {
                  if (!isActive) setActiveIndex(index);
                }}
                onClick={() => selectOption(option)}
                className="relative flex cursor-default items-center gap-2 rounded-sm py-2 pr-8 pl-2 text-sm outline-hidden select-none data-[active]:bg-accent data-[active]:text-accent-foreground sm:py-1.5"
              >
                <span className="min-w-0 break-words">{option.label}</span>
                {isSelected ? (
                  <CheckIcon
                    aria-hidden="true"
                    className="absolute right-2 size-4"
                  />
                ) : null}
              </div>
            );
          })}
        </div>

        {visible.length === 0 ? (
          <div
            aria-hidden="true"
            className="px-3 pt-1 pb-6 text-center text-sm text-muted-foreground"
          >
            {emptyText}
          </div>
        ) : null}
        {hiddenCount > 0 ? (
          <div className="border-t px-3 py-2 text-xs text-muted-foreground">
            另有 {hiddenCount} 项未显示，请输入关键字缩小范围
          </div>
        ) : null}

        <div className="sr-only" aria-live="polite" aria-atomic="true">
          {query
            ? filtered.length > 0
              ? `找到 ${filtered.length} 项`
              : emptyText
            : ""}
        </div>
      </PopoverContent>
    </Popover>
  );
}

export { Combobox, type ComboboxOption, type ComboboxProps };
