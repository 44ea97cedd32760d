// Times on screen are the shop's (IST), whatever the machine's clock zone says.
export const timeIST = (iso: string, lang: 'en' | 'hi' = 'en') =>
  new Date(iso).toLocaleTimeString(lang === 'hi' ? 'hi-IN' : 'en-IN', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Kolkata' });
