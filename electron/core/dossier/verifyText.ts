/**
 * VERIFY.txt: how a recipient checks the dossier with GnuPG and sha256sum
 * alone, without Vigil. Plain English; the steps are commands.
 */
export function verifyInstructions(input: {
  userId: string;
  fingerprint: string;
  reference: string;
}): string {
  return `HOW TO VERIFY THIS DOSSIER
==========================

Case reference: ${input.reference}
Signed by:      ${input.userId}
Key fingerprint:
  ${input.fingerprint}

Before you rely on this dossier, confirm the fingerprint above with the
organisation through a channel you trust (in person, by phone, or from a
copy you received earlier). The key file in this folder proves nothing by
itself: anyone who altered the dossier could have replaced it.

You need GnuPG (gpg) and sha256sum. Open a terminal in this folder, then:

1. Import the organisation's public key (once), and check that the
   fingerprint gpg shows is the one above:

     gpg --import signer-key.asc
     gpg --fingerprint

2. Check the two signatures. Each must report "Good signature" made by the
   key with the fingerprint above:

     gpg --verify manifest.json.asc manifest.json
     gpg --verify SHA256SUMS.asc SHA256SUMS

3. Check every file against the signed list. Every line must end in "OK":

     sha256sum --strict -c SHA256SUMS

   (On macOS: shasum -a 256 --strict -c SHA256SUMS)

manifest.json lists the same files with their sizes and SHA-256 hashes, and
says which copy of each piece of evidence is included (a working copy with its
metadata removed, or the unaltered original with the SHA-256 taken when the
organisation received it).

If any step fails, do not use the dossier: ask the organisation to send it
again through another channel.
`;
}
