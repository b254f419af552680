/**
 * The page's one stylesheet: a light page holding Discord's dark message look. Colours keep at
 * least 4.5:1 contrast for text; widths shrink to any phone, and long words wrap rather than
 * push the page sideways.
 */
export const PAGE_STYLE = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:#f6f7f9;color:#1f2328;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Helvetica,Arial,sans-serif;overflow-wrap:anywhere}
a{color:#0b57a4}
a:focus-visible{outline:3px solid #f0b400;outline-offset:2px}
.page{max-width:56rem;margin:0 auto;padding:2rem 1rem 3rem}
header h1{margin:0 0 .5rem;font-size:2rem;line-height:1.2}
.lead{font-size:1.125rem;margin:.5rem 0}
.article{margin:.5rem 0;padding-left:.75rem;border-left:4px solid #c4cad3;color:#424a53}
.invite{display:flex;flex-wrap:wrap;gap:1rem;margin:1.5rem 0 0}
.invite-choice{flex:1 1 15rem;display:flex;flex-direction:column;gap:.4rem}
.invite-choice p{margin:0;font-size:.9rem;color:#424a53}
.invite-link{display:block;text-align:center;padding:.75rem 1rem;border-radius:.5rem;font-weight:600;text-decoration:none;border:2px solid #4752c4}
.invite-link.primary{background:#4752c4;color:#fff}
.invite-link.secondary{background:#fff;color:#333c9e}
.invite-link:hover{filter:brightness(1.08)}
h2{font-size:1.4rem;margin:2.5rem 0 .25rem}
.examples-note{margin:0 0 1rem;color:#424a53}
.exchange{margin:0 0 1.25rem;padding:1rem;background:#313338;color:#dbdee1;border-radius:.75rem}
.asked{margin:0 0 .75rem;font-size:.95rem;color:#b5bac1}
.asked .command{display:inline-block;padding:0 .35rem;border-radius:.25rem;background:#3c45a5;color:#fff;font-weight:600}
.asked .option{display:inline-block;padding:0 .35rem;border-radius:.25rem;background:#1e1f22;color:#dbdee1}
.author{margin:0 0 .35rem;font-weight:600;color:#f2f3f5}
.app-tag{display:inline-block;margin-left:.25rem;padding:0 .3rem;border-radius:.2rem;background:#5865f2;color:#fff;font-size:.65rem;vertical-align:.15em}
.content p{margin:0 0 .5rem}
.embed{max-width:100%;padding:.6rem 1rem .75rem .85rem;background:#2b2d31;border-left:4px solid #1e1f22;border-radius:.25rem}
.embed-title{margin:0 0 .5rem;font-size:1rem;color:#f2f3f5}
.embed-description,.embed-field{font-size:.95rem}
.embed-description p,.embed-field p{margin:0 0 .6rem}
.embed-field h4{margin:.5rem 0 .2rem;font-size:.95rem}
.embed blockquote{margin:0 0 .15rem;padding:0 0 0 .75rem;border-left:4px solid #4e5058}
.embed strong{color:#f2f3f5}
.embed code{padding:0 .2rem;border-radius:.2rem;background:#1e1f22;font-size:.85em}
.embed-footer{margin:.5rem 0 0;font-size:.8rem;color:#aab0b9}
.buttons{margin-top:.5rem}
.button-row{display:flex;flex-wrap:wrap;gap:.5rem;margin-top:.5rem}
.discord-button{display:inline-block;padding:.3rem .9rem;border-radius:.2rem;font-size:.875rem;font-weight:500;color:#fff;background:#4e5058}
.discord-button.primary{background:#4752c4}
.discord-button.success{background:#1f7a3f}
.discord-button.danger{background:#b3262d}
footer{margin-top:2.5rem;padding-top:1rem;border-top:1px solid #d0d7de;font-size:.9rem;color:#424a53}
footer nav{display:flex;gap:1.25rem;margin-bottom:.5rem}
@media (max-width:30rem){.page{padding:1.25rem .75rem 2rem}header h1{font-size:1.6rem}.exchange{padding:.75rem}.embed{padding:.5rem .65rem .6rem .65rem}}
`
  .trim()
  .replace(/\n/g, '');
