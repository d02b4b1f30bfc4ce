/**
 * The demo edition's ballot-box key (issue #15). DEMO ONLY: the shares are public (they are in the
 * README so anyone trying the demo can open the ballot box); a real edition's key is made on
 * /admin/editions/:id/commission and its shares are shown once to the commission.
 */
export const DEMO_COMMISSION = {
  publicKey: "kS1Lqdn3WydAwR34GSfXCLln_baycII_2-w2T_mWXx8",
  threshold: 2,
  members: ["Anna Nowak (przewodnicząca)", "Piotr Wiśniewski", "Olena Kowalenko"],
  shares: [
    "K1-XVYN-VACG-TSNH-906Z-X8K3-A125-1267-2884-SSKB-YKEM-WM0C-FCFB-AVJC-DR06-E9FV-230",
    "K1-XVYN-VAED-04SN-7A6K-YPP4-BTP5-TEGV-2633-A90V-YMYB-RQ2J-7187-EJ1X-F6Y8-PCMP-828",
    "K1-XVYN-VA9P-SKPA-K4X3-T2DA-3A5V-DTZF-15RB-2MBB-Z2ZE-AYG2-K1X4-0ZNP-7JGR-1ZTH-JA8",
  ],
} as const;
