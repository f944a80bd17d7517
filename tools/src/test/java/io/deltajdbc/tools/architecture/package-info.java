/** Checks of the seams between the modules, on the compiled classes of every module. */
package io.deltajdbc.tools.architecture;
