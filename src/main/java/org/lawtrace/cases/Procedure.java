package org.lawtrace.cases;

/** The procedure a case follows. */
public enum Procedure {
	/** 简易程序 (on-the-spot decision). */
	SIMPLE,
	/** 普通程序. */
	GENERAL
}
