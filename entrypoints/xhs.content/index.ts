export default defineContentScript({
  matches: ['*://www.xiaohongshu.com/*', '*://www.rednote.com/*'],
  main() {},
});
