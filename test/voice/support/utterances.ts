// Spoken commands over the demo catalog (main/demo/catalog.ts), for the voice tests and the bench.
// `text` is what the cashier says, romanised as the grammar writes it; both espeak-ng voices read
// it (the Hindi voice reads Latin letters with English spelling rules and its own sounds). `hi` is
// the same sentence in Devanagari, which the Hindi voice reads with Hindi sounds: the bench reports
// it apart, as the grammar engine's weakest case.
export interface Utterance {
  text: string;
  hi?: string;
  intent: string;
}

export const UTTERANCES: Utterance[] = [
  { intent: 'CREATE_INVOICE', text: 'rakesh verma ko do doodh aur ek bread', hi: 'राकेश वर्मा को दो दूध और एक ब्रेड' },
  { intent: 'CREATE_INVOICE', text: 'do kilo chawal aur ek packet namak', hi: 'दो किलो चावल और एक पैकेट नमक' },
  { intent: 'CREATE_INVOICE', text: 'salim bhai ke liye teen maggi aur do parle g', hi: 'सलीम भाई के लिए तीन मैगी और दो पारले जी' },
  { intent: 'CREATE_INVOICE', text: 'ek kilo cheeni aur aadha kilo toor dal', hi: 'एक किलो चीनी और आधा किलो तूर दाल' },
  { intent: 'CREATE_INVOICE', text: 'dedh kilo aloo aur dhai kilo pyaaz', hi: 'डेढ़ किलो आलू और ढाई किलो प्याज़' },
  { intent: 'CREATE_INVOICE', text: 'geeta devi ko ek atta aur ek litre tel', hi: 'गीता देवी को एक आटा और एक लीटर तेल' },
  { intent: 'CREATE_INVOICE', text: 'dinu ko chai patti ek packet', hi: 'दीनू को चाय पत्ती एक पैकेट' },
  { intent: 'CREATE_INVOICE', text: 'paanch ande aur ek butter', hi: 'पांच अंडे और एक बटर' },
  { intent: 'CREATE_INVOICE', text: 'das maachis aur do agarbatti', hi: 'दस माचिस और दो अगरबत्ती' },
  { intent: 'CREATE_INVOICE', text: 'sawa kilo tamatar', hi: 'सवा किलो टमाटर' },
  { intent: 'CREATE_INVOICE', text: 'neha ko baarah ande upi se', hi: 'नेहा को बारह अंडे यूपीआई से' },
  { intent: 'CREATE_INVOICE', text: 'chaar doodh cash', hi: 'चार दूध कैश' },
  { intent: 'CREATE_INVOICE', text: 'ek colgate aur do lux sabun', hi: 'एक कोलगेट और दो लक्स साबुन' },
  { intent: 'CREATE_INVOICE', text: 'pooja ko ek biscuit aur ek maggi udhaar mein', hi: 'पूजा को एक बिस्किट और एक मैगी उधार में' },
  { intent: 'CREATE_INVOICE', text: 'give vikas pandey two kg sugar and one kg chana dal' },
  { intent: 'CREATE_INVOICE', text: 'sharma uncle ko ek desi ghee', hi: 'शर्मा अंकल को एक देसी घी' },
  { intent: 'CREATE_INVOICE', text: 'teen thums up aur chaar bisleri', hi: 'तीन थम्स अप और चार बिसलेरी' },
  { intent: 'CREATE_INVOICE', text: 'do packet haldi aur ek jeera', hi: 'दो पैकेट हल्दी और एक जीरा' },
  { intent: 'CREATE_INVOICE', text: 'laxmi aunty ko ek surf excel aur ek paneer', hi: 'लक्ष्मी आंटी को एक सर्फ एक्सेल और एक पनीर' },
  { intent: 'CREATE_INVOICE', text: 'bablu ko do dahi', hi: 'बबलू को दो दही' },
  { intent: 'MODIFY_INVOICE_ITEM', text: 'bread hata do', hi: 'ब्रेड हटा दो' },
  { intent: 'MODIFY_INVOICE_ITEM', text: 'doodh teen kar do', hi: 'दूध तीन कर दो' },
  { intent: 'MODIFY_INVOICE_ITEM', text: 'maggi nahi chahiye', hi: 'मैगी नहीं चाहिए' },
  { intent: 'MODIFY_INVOICE_ITEM', text: 'chawal ek kilo hi rakho', hi: 'चावल एक किलो ही रखो' },
  { intent: 'CONFIRM_INVOICE', text: 'bill bana do', hi: 'बिल बना दो' },
  { intent: 'CONFIRM_INVOICE', text: 'confirm karo', hi: 'कन्फर्म करो' },
  { intent: 'CONFIRM_INVOICE', text: 'theek hai bill bana do', hi: 'ठीक है बिल बना दो' },
  { intent: 'CANCEL_INVOICE', text: 'bill cancel karo', hi: 'बिल कैंसल करो' },
  { intent: 'CANCEL_INVOICE', text: 'rakesh mishra ka last bill cancel kar do', hi: 'राकेश मिश्रा का लास्ट बिल कैंसल कर दो' },
  { intent: 'RECORD_PAYMENT', text: 'salim bhai se paanch sau rupaye mile', hi: 'सलीम भाई से पांच सौ रुपये मिले' },
  { intent: 'RECORD_PAYMENT', text: 'geeta devi se teen sau mile upi se', hi: 'गीता देवी से तीन सौ मिले यूपीआई से' },
  { intent: 'RECORD_PAYMENT', text: 'dinesh ne do hazaar paanch sau diye', hi: 'दिनेश ने दो हज़ार पांच सौ दिए' },
  { intent: 'RECORD_PAYMENT', text: 'laxmi aunty ne dedh sau diye', hi: 'लक्ष्मी आंटी ने डेढ़ सौ दिए' },
  { intent: 'RECORD_PAYMENT', text: 'harish chacha ne pura hisaab chuka diya', hi: 'हरीश चाचा ने पूरा हिसाब चुका दिया' },
  { intent: 'RECORD_PAYMENT', text: 'vikas pandey paid four hundred fifty by card' },
  { intent: 'ADD_CREDIT', text: 'bablu ko paanch sau udhaar likho', hi: 'बबलू को पांच सौ उधार लिखो' },
  { intent: 'ADD_CREDIT', text: 'dinu ke naam assi rupaye chadha do', hi: 'दीनू के नाम अस्सी रुपये चढ़ा दो' },
  { intent: 'ADD_CREDIT', text: 'salim bhai ka baarah sau baaki likho', hi: 'सलीम भाई का बारह सौ बाकी लिखो' },
  { intent: 'CHECK_BALANCE', text: 'rakesh verma ka balance batao', hi: 'राकेश वर्मा का बैलेंस बताओ' },
  { intent: 'CHECK_BALANCE', text: 'sharma ji ka hisaab kya hai', hi: 'शर्मा जी का हिसाब क्या है' },
  { intent: 'CHECK_BALANCE', text: 'neha ka kitna baaki hai', hi: 'नेहा का कितना बाकी है' },
  { intent: 'CHECK_BALANCE', text: 'how much does pooja owe' },
  { intent: 'CHECK_BALANCE', text: 'laxmi aunty pe kitna udhaar hai', hi: 'लक्ष्मी आंटी पे कितना उधार है' },
  { intent: 'CHECK_STOCK', text: 'chawal ka stock batao', hi: 'चावल का स्टॉक बताओ' },
  { intent: 'CHECK_STOCK', text: 'doodh kitna bacha hai', hi: 'दूध कितना बचा है' },
  { intent: 'CHECK_STOCK', text: 'how many eggs are left' },
  { intent: 'LOW_STOCK', text: 'low stock dikhao', hi: 'लो स्टॉक दिखाओ' },
  { intent: 'LOW_STOCK', text: 'kaunsa maal kam hai', hi: 'कौनसा माल कम है' },
  { intent: 'CREATE_REMINDER', text: 'rakesh verma ko kal saat baje reminder bhejo', hi: 'राकेश वर्मा को कल सात बजे रिमाइंडर भेजो' },
  { intent: 'CREATE_REMINDER', text: 'geeta ko kal subah das baje yaad dilao', hi: 'गीता को कल सुबह दस बजे याद दिलाओ' },
  { intent: 'CREATE_REMINDER', text: 'salim bhai ko parso reminder bhej do', hi: 'सलीम भाई को परसों रिमाइंडर भेज दो' },
  { intent: 'CANCEL_REMINDER', text: 'neha ka reminder cancel karo', hi: 'नेहा का रिमाइंडर कैंसल करो' },
  { intent: 'DAILY_SUMMARY', text: 'aaj ka hisaab batao', hi: 'आज का हिसाब बताओ' },
  { intent: 'DAILY_SUMMARY', text: 'aaj ki bikri kitni hui', hi: 'आज की बिक्री कितनी हुई' },
  { intent: 'TOTAL_PENDING_AMOUNT', text: 'kul kitna udhaar baaki hai', hi: 'कुल कितना उधार बाकी है' },
  { intent: 'LIST_CUSTOMER_BALANCES', text: 'sabka baaki dikhao', hi: 'सबका बाकी दिखाओ' },
  { intent: 'UNDO', text: 'undo' },
  { intent: 'UNDO', text: 'galti ho gayi wapas karo', hi: 'गलती हो गई वापस करो' },
  { intent: 'ADD_DISCOUNT', text: 'das percent discount de do', hi: 'दस परसेंट डिस्काउंट दे दो' },
  { intent: 'ADD_DISCOUNT', text: 'ghee pe paanch percent chhoot', hi: 'घी पे पांच परसेंट छूट' },
  { intent: 'SEND_INVOICE', text: 'rakesh verma ko bill whatsapp kar do', hi: 'राकेश वर्मा को बिल व्हाट्सऐप कर दो' },
  { intent: 'TOGGLE_GST', text: 'is bill pe gst lagao', hi: 'इस बिल पे जीएसटी लगाओ' },
  { intent: 'UPDATE_STOCK', text: 'pachaas packet doodh aaya', hi: 'पचास पैकेट दूध आया' },
  { intent: 'GET_CUSTOMER_INFO', text: 'neha ka phone number kya hai', hi: 'नेहा का फोन नंबर क्या है' },
];

/** Speech the grammar does not cover: it must be rejected, not forced into a command. */
export const OUT_OF_GRAMMAR: Utterance[] = [
  { intent: 'UNKNOWN', text: 'aaj mausam kaisa hai', hi: 'आज मौसम कैसा है' },
  { intent: 'UNKNOWN', text: 'cricket ka score kya hai', hi: 'क्रिकेट का स्कोर क्या है' },
  { intent: 'UNKNOWN', text: 'gaana bajao', hi: 'गाना बजाओ' },
  { intent: 'UNKNOWN', text: 'what is the capital of france' },
  { intent: 'UNKNOWN', text: 'please play some music on the radio' },
  { intent: 'UNKNOWN', text: 'my brother is coming from delhi tomorrow morning' },
  { intent: 'UNKNOWN', text: 'mera naam amit hai aur main school jaata hoon', hi: 'मेरा नाम अमित है और मैं स्कूल जाता हूं' },
  { intent: 'UNKNOWN', text: 'bahut garmi hai aaj bijli bhi nahi hai', hi: 'बहुत गर्मी है आज बिजली भी नहीं है' },
  { intent: 'UNKNOWN', text: 'hello can you hear me' },
  { intent: 'UNKNOWN', text: 'ye phone kitne ka mila tumhe', hi: 'ये फोन कितने का मिला तुम्हें' },
];

/** The words a voice reads for an utterance: the romanised text, or the Devanagari when asked for. */
export const spokenText = (u: Utterance, voice: 'en-us' | 'hi', script: 'latin' | 'devanagari' = 'latin') =>
  voice === 'hi' && script === 'devanagari' && u.hi ? u.hi : u.text;

/**
 * Read once by a voice to adapt the grammar engine to it (speaker adaptation). None is a test
 * utterance above: the bench checks, and measures on those.
 */
export const ADAPTATION_SENTENCES: string[] = [
  'neha ko teen doodh aur do bread',
  'geeta devi se chaar sau mile',
  'bablu ka hisaab batao',
  'ek packet haldi aur do kilo aata',
  'salim khan ko paanch ande',
  'dinesh yadav ne saat sau diye',
  'vikas ko ek amul butter aur ek dahi',
  'pooja tiwari ka balance batao',
  'do kilo cheeni aur ek jeera',
  'harish chacha ko ek desi ghee aur do biscuit',
  'laxmi aunty se do sau mile cash',
  'rakesh mishra ko chaar bisleri',
  'teen packet chai patti aur ek colgate',
  'dinu ne teen sau diye upi se',
  'sharma ji ko do kilo aloo',
  'ek litre tel aur do maachis',
  'bablu ko saat sau udhaar likho',
  'chaar kilo chawal aur ek agarbatti',
  'neha srivastava ka kitna baaki hai',
  'paanch doodh aur teen bread',
  'verma ji ko ek dhoop aur do dahi',
  'geeta ko ek surf excel',
  'do kilo pyaaz aur ek kilo tamatar',
  'salim bhai se ek hazaar mile',
];
