/**
 * The toneless Hanyu Pinyin syllables (ü written u), as pinyin-pro reads the CJK Unified Ideographs; used to cut a
 * romanised Chinese word such as "Dajiang" into the syllables "da jiang" that its characters (大疆) romanise to.
 */
const SYLLABLES = new Set(
  [
  'a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang cao ce cen',
  'ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo ci',
  'cong cou cu cuan cui cun cuo da dai dan dang dao de den deng di dia dian diao die ding diu dong dou du duan',
  'dui dun duo e ei en eng er fa fan fang fei fen feng fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu',
  'gua guai guan guang gui gun guo ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun',
  'huo ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken keng kong',
  'kou ku kua kuai kuan kuang kui kun kuo la lai lan lang lao le lei leng li lia lian liang liao lie lin ling',
  'liu long lou lu luan lue lun luo ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu',
  'na nai nan nang nao ne nei nen neng ni nian niang niao nie nin ning niu nong nou nu nuan nue nuo o ou pa pai',
  'pan pang pao pei pen peng pi pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu',
  'qu quan que qun ran rang rao re ren reng ri rong rou ru ruan rui run ruo sa sai san sang sao se sen seng sha',
  'shai shan shang shao she shen sheng shi shou shu shua shuai shuan shuang shui shun shuo si song sou su suan',
  'sui sun suo ta tai tan tang tao te teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang',
  'wei wen weng wo wu xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin',
  'ying yo yong you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhen zheng',
  'zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo',
  ].join(' ').split(' '),
);

const LONGEST = 6;

/**
 * A Latin word as pinyin syllables, fewest first ("zhongguo" → ["zhong", "guo"]), or undefined when the
 * word is not made only of syllables ("technology"). One syllable stays one word.
 */
export function pinyinSyllables(word: string): string[] | undefined {
  if (word.length < 2 || word.length > 40 || !/^[a-z]+$/.test(word)) return undefined;
  // best[i]: fewest syllables covering word[0, i); cut[i]: where the last one starts.
  const best = new Array<number>(word.length + 1).fill(Infinity);
  const cut = new Array<number>(word.length + 1).fill(-1);
  best[0] = 0;
  for (let end = 1; end <= word.length; end++) {
    for (let start = Math.max(0, end - LONGEST); start < end; start++) {
      if (best[start]! + 1 < best[end]! && SYLLABLES.has(word.slice(start, end))) {
        best[end] = best[start]! + 1;
        cut[end] = start;
      }
    }
  }
  if (best[word.length] === Infinity) return undefined;
  const out: string[] = [];
  for (let end = word.length; end > 0; end = cut[end]!) out.unshift(word.slice(cut[end]!, end));
  return out;
}
