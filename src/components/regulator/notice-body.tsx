/**
 * A notice's text as stored: HTML already cleaned by the server's sanitiser (src/server/domain/notices/sanitize.ts)
 * on every write, so it is rendered as it is. Styles for the tags the sanitiser allows.
 */
export function NoticeBody({ html, className = "" }: { html: string; className?: string }) {
  return (
    <div
      className={`space-y-2 leading-7 break-words [&_a]:text-primary [&_a]:underline [&_h1]:text-lg [&_h1]:font-semibold [&_h2]:text-lg [&_h2]:font-semibold [&_h3]:font-semibold [&_img]:max-w-full [&_ol]:list-decimal [&_ol]:pl-6 [&_table]:block [&_table]:max-w-full [&_table]:overflow-x-auto [&_td]:border [&_td]:px-2 [&_td]:py-1 [&_th]:border [&_th]:bg-muted [&_th]:px-2 [&_th]:py-1 [&_ul]:list-disc [&_ul]:pl-6 ${className}`}
      data-testid="notice-body"
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
