/**
 * Emoji that chat types for the pictures the article itself paints, read as the words for them
 * ("🦁带🐑" is 狮子带羊, "🚦" 红绿灯), and for the images of chat the glossary knows ("吃🍉" is
 * 吃瓜, "画🫓" 画饼). Any other emoji says nothing, and folding turns it into a space.
 */
const PICTURED: Readonly<Record<string, string>> = {
  '🦁': '狮子',
  '🐑': '羊',
  '🐏': '羊',
  '🚦': '红绿灯',
  '🚥': '红绿灯',
  '🥕': '胡萝卜',
  '🍉': '瓜',
  '🫓': '饼',
};

const EMOJI = new RegExp(Object.keys(PICTURED).join('|'), 'gu');

/** The question with each emoji of the article's pictures written as its word. */
export function readPicturedEmoji(question: string): string {
  return question.replace(EMOJI, (emoji) => PICTURED[emoji] ?? emoji);
}
